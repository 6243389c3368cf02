"""공지사항: notices a complex's coordinators broadcast to its residents."""
