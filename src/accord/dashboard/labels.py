"""Words the pages show for values of the data (a role, a status, a stage, a classification):
marked here with ``N_`` so that Babel extracts them, translated when a page shows them."""

from __future__ import annotations


def N_(message: str) -> str:  # noqa: N802 - gettext's name for a message marked, not translated
    return message


LABELS = {
    # Roles.
    "admin": N_("administrator"),
    "secretariat": N_("Secretariat"),
    "delegation": N_("delegation"),
    "joint_staff": N_("Joint Staff"),
    "analyst": N_("analyst"),
    "observer_liaison": N_("observer liaison"),
    # A state's status.
    "member": N_("member"),
    "suspended": N_("suspended"),
    "signatory": N_("signatory"),
    # A case's stage.
    "requested": N_("requested"),
    "consultations": N_("consultations"),
    "decided": N_("decided"),
    "in_execution": N_("in execution"),
    # How sure a source is (a ruling's, a reason's).
    "verified": N_("verified"),
    "secondary": N_("secondary source"),
    "unverified": N_("unverified"),
    # Classifications.
    "public": N_("public"),
    "restricted": N_("restricted"),
    "confidential": N_("confidential"),
}


def label(value: str | None) -> str:
    """The message of a value, or the value itself when it has none (a new value in the
    data is shown as it is rather than hidden)."""
    return LABELS.get(value or "", value or "")
