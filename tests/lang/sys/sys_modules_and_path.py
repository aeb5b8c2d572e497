# sys.modules manipulation, sys.path[0] is the script directory, module caching and deletion.
import sys, os
print(os.path.basename(sys.path[0]) == "sys", os.path.isabs(sys.path[0]))
import json
print(sys.modules["json"] is json)
del sys.modules["json"]
import json as json2
print(json2 is json, json2.dumps([1]))
print(isinstance(sys.modules, dict), sys.modules.get("definitely_missing_module"))
before = set(sys.modules)
import colorsys
print("colorsys" in set(sys.modules) - before)
print(type(sys.path_hooks).__name__, type(sys.meta_path).__name__, len(sys.meta_path) > 0)
