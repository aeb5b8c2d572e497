x = ("abc
)
