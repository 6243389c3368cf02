"""주민투표: votes decided by households, one ballot each."""
