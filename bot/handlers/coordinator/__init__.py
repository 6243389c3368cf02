"""코디네이터 menu: shown to a complex's coordinators only; its entries are declared by the
features (invite codes here, 공지/투표/하자/… in their own packages).

The package imports nothing: `feature.py` registers it, leaves (`actions.py`, `words.py`,
`render.py`) can be imported alone."""
