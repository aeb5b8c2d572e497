# Helper module two levels down.
LEAF = "leaf " + __name__ + " " + __package__
try:
    from .... import too_far
except ImportError as e:
    TOO_FAR = str(e)
