"""Crisis-response cases: a member's request, consultations, decisions, execution, closure."""
