# An uncaught user-defined exception: stderr's last line is `module-less name: message`.
class ConfigError(Exception):
    pass
print("starting")
raise ConfigError("missing key 'port'")
