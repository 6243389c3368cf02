"""하자접수: defect reports filed by households, handled by their complex's coordinators."""
