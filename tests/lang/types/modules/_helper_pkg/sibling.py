print("sibling executing,", __name__, __package__)
SIB = "sibling value"
