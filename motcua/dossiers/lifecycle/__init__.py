"""The only way a dossier changes (DESIGN.md principle 1): one function per action, one transaction each.

Views, API viewsets, admin actions and commands call these; none sets `state` itself.
"""

from .approval import approve, return_for_rework, submit_for_approval
from .intake import (
    answer_desk_supplement,
    check_applicant,
    competent_agency,
    desk_refuse,
    desk_supplement,
    receive,
    register,
)
from .payments import record_online_payment
from .processing import (
    answer_consultation,
    assign,
    complete_step,
    confirm_payment,
    consult,
    extend,
    forward,
    request_payment,
    request_supplement,
    resubmit,
)
from .results import issue_result, refuse, return_result, stop, withdraw
from .signing import record_failure, record_signed, seal, send_for_signing, sign

__all__ = [
    "answer_consultation",
    "answer_desk_supplement",
    "approve",
    "assign",
    "check_applicant",
    "competent_agency",
    "complete_step",
    "confirm_payment",
    "consult",
    "desk_refuse",
    "desk_supplement",
    "extend",
    "forward",
    "issue_result",
    "receive",
    "record_failure",
    "record_online_payment",
    "record_signed",
    "refuse",
    "register",
    "request_payment",
    "request_supplement",
    "resubmit",
    "return_for_rework",
    "return_result",
    "seal",
    "send_for_signing",
    "sign",
    "stop",
    "submit_for_approval",
    "withdraw",
]
