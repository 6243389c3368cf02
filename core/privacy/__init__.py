"""Residents' data rights (개인정보보호법): what the service holds about a resident, a copy of it,
leaving (탈퇴), phone numbers masked where neighbours read them, and the retention periods."""
