"""sosku planner: group scheduling and mobile-service planning for social rehabilitation
in the Western Uusimaa wellbeing services county (LUVN)."""

import logging

__version__ = "0.1.0"

logging.getLogger("planner").addHandler(logging.NullHandler())
