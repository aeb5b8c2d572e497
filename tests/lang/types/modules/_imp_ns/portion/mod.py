# Helper module inside a namespace package.
NS = __name__
