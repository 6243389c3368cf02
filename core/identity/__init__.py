"""Who is who: complexes, households, residents, their channel accounts, roles and invites."""
