"""The load harness: real servers on loopback, accounts, a workload, the clients and the
checks; shared by the stress test (tests/integration/test_load.py) and `make bench-load`."""
