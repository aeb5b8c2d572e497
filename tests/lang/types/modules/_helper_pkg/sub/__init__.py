from ..sibling import SIB as PARENT_SIB
SUB = "sub " + PARENT_SIB
