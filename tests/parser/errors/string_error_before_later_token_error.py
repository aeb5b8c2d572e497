x = "\uff"
y = a\\b
