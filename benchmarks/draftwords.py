"""Words and sentences of the synthetic benchmark drafts (see gendrafts.py)."""

from __future__ import annotations

import random

SUBJECTS = (
    "the network function", "the media server", "the session controller", "the terminal",
    "the management system", "the gateway", "the application server", "the edge platform",
    "the registration function", "the content delivery node", "the policy function",
    "the service directory",
)  # fmt: skip
ACTS = (
    "support the negotiation of codec parameters with the remote endpoint",
    "maintain a log of configuration changes for audit purposes",
    "report link failures to the management system within one second",
    "authenticate peers before any media session is established",
    "apply the quality of service policy configured by the operator",
    "expose its capabilities through the service discovery interface",
    "discard malformed messages and record each such event",
    "synchronize its clock with the reference time source",
    "limit the rate of signalling messages accepted from a single source",
    "encrypt stored configuration data with a key held by the operator",
    "release all resources of a session when the session is terminated",
    "provide statistics on delay, jitter and packet loss per session",
)
FORBIDDEN = (
    "forwarding unauthenticated requests to the core network",
    "storing credentials in clear text",
    "disclosing subscriber identifiers to unauthorized parties",
    "accepting configuration changes from unauthenticated sources",
    "retransmitting a request more than three times",
)
FOLLOW_UPS = (
    "This applies to sessions established over fixed and mobile access networks alike.",
    "The value of the timer is configurable by the operator, with a default of {n} seconds.",
    "Where the remote endpoint does not support this procedure, {s} falls back to the "
    "basic procedure without interrupting the session.",
    "The events are time-stamped in UTC and kept for at least {n} days.",
    "Implementations can use any internal mechanism, provided that the external behaviour "
    "is as specified.",
    "The parameters exchanged are listed in the corresponding table of this clause.",
    "Failure of this procedure is reported with the cause code defined in Annex A.",
    "The procedure is repeated after each change of the network configuration.",
    "Interoperability testing of this function is described in Appendix I.",
)
EMOTION = (
    "Where the terminal supports emotion recognition, the inferred emotional state of the "
    "user can optionally be reported to the application server.",
    "Facial expression analysis results are recommended to be stored with the session record.",
    "The analytics function can optionally detect micro-expressions of participants in video "
    "sessions.",
    "Biometric data collected by the terminal, such as face images, is required to be kept "
    "with the subscriber profile.",
)
NOTES = (
    "The procedure does not require changes to existing terminals.",
    "Operators can apply stricter limits than those given here.",
    "The default values are based on measurements in commercial networks.",
    "Other transport protocols are not excluded.",
)
FOOTNOTES = (
    "The default values were agreed at the meeting of the rapporteur group.",
    "See also the corresponding clause of Recommendation ITU-T H.264.",
    "This requirement is aligned with the current practice of operators.",
)
TOPIC_A = (
    "Session", "Media", "Signalling", "Transport", "Management", "Security", "Discovery",
    "Policy", "Charging", "Registration", "Routing", "Capability", "Quality", "Resource",
)  # fmt: skip
TOPIC_B = (
    "control", "negotiation", "procedures", "requirements", "interfaces", "parameters",
    "functions", "monitoring", "reporting", "configuration", "architecture", "handling",
)  # fmt: skip


class Writer:
    """Deterministic sentence and paragraph generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.titles: set[str] = set()
        self.count = 0

    def title(self) -> str:
        for _ in range(50):
            text = f"{self.rng.choice(TOPIC_A)} {self.rng.choice(TOPIC_B)}"
            if text not in self.titles:
                self.titles.add(text)
                return text
        self.count += 1
        return f"{self.rng.choice(TOPIC_A)} {self.rng.choice(TOPIC_B)} {self.count}"

    def requirement(self) -> str:
        rng = self.rng
        s = rng.choice(SUBJECTS)
        kind = rng.randrange(6)
        if kind == 0:
            head = f"It is required that {s} {rng.choice(ACTS)}."
        elif kind == 1:
            head = f"{s.capitalize()} is required to {rng.choice(ACTS)}."
        elif kind == 2:
            head = f"{s.capitalize()} is recommended to {rng.choice(ACTS)}."
        elif kind == 3:
            head = f"{s.capitalize()} can optionally {rng.choice(ACTS)}."
        elif kind == 4:
            head = f"{s.capitalize()} is prohibited from {rng.choice(FORBIDDEN)}."
        else:
            head = f"It is recommended that {s} {rng.choice(ACTS)}."
        tail = [
            rng.choice(FOLLOW_UPS).format(n=rng.choice((5, 10, 30, 90)), s=s)
            for _ in range(rng.choice((3, 3, 4)))
        ]
        return " ".join([head, *tail])

    def note(self) -> str:
        first, second = self.rng.sample(NOTES, 2)
        return f"NOTE \u2013 {first} {second}"
