"""Forces and means: units pledged by members, deployments and withdrawals."""
