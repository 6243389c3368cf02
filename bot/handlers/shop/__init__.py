"""알뜰쇼핑: products by shop kind and 기획전, orders, group buys, order history; the vendor's
menu (내 가게: products, orders, group buys, 기획전); coordinators open group buys.

The package imports nothing: `feature.py` registers it, leaves (`actions.py`, `words.py`,
`render.py`) can be imported alone."""
