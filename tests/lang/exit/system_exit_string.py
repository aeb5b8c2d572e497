# sys.exit("message") prints the message to stderr and exits with status 1.
import sys
print("about to exit with a message")
sys.stdout.flush()
sys.exit("fatal: configuration not found")
