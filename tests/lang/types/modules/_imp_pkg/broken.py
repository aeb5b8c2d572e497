# Helper: fails half-way; must not stay in sys.modules.
HALF = 1
1 / 0
