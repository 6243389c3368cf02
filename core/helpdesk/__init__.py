"""도움 요청: help requests from residents (and people not yet verified) to their complex's
coordinators."""
