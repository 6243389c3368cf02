"""도움말's multi-step flows: the mobile number for 알림톡 (alert_phone.py)."""
