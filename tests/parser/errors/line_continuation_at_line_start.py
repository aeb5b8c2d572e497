if x:
    a
  \\ b
