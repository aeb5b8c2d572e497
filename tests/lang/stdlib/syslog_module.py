# syslog: the constants and mask helpers, argument errors, audit events,
# and messages sent to the system logger (the calls succeed whether or not
# a syslog daemon runs).
import sys
import syslog

print(sorted(n for n in dir(syslog) if n.startswith('LOG_')))
print([getattr(syslog, n) for n in ('LOG_EMERG', 'LOG_ERR', 'LOG_INFO', 'LOG_DEBUG', 'LOG_USER', 'LOG_LOCAL0',
                                    'LOG_PID', 'LOG_NDELAY', 'LOG_PERROR', 'LOG_AUTHPRIV', 'LOG_CRON')])
print(syslog.LOG_MASK(syslog.LOG_ERR), syslog.LOG_UPTO(syslog.LOG_WARNING), syslog.LOG_MASK(0))
for bad in (lambda: syslog.syslog(), lambda: syslog.syslog(1), lambda: syslog.syslog('a', 'b'),
            lambda: syslog.syslog(1, 'a', 'b'), lambda: syslog.syslog(2 ** 40, 'x'), lambda: syslog.syslog(msg='x'),
            lambda: syslog.openlog(None), lambda: syslog.openlog(1), lambda: syslog.openlog('x', 'y'),
            lambda: syslog.openlog(x=1), lambda: syslog.setlogmask('a'), lambda: syslog.LOG_MASK('a'),
            lambda: syslog.LOG_UPTO(2 ** 70), lambda: syslog.closelog(1), lambda: syslog.syslog('\udc80')):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

events = []


def hook(event, args):
    if event.startswith('syslog.'):
        events.append((event, args))


sys.addaudithook(hook)
syslog.openlog('tern-lang-test', syslog.LOG_PID, syslog.LOG_LOCAL0)
syslog.syslog('a message from a Tern test')
syslog.syslog(syslog.LOG_DEBUG, 'a debug message')
old = syslog.setlogmask(syslog.LOG_UPTO(syslog.LOG_INFO))
print(old == syslog.setlogmask(old) or old, syslog.setlogmask(0) == old)
syslog.closelog()
syslog.closelog()
sys.argv[0] = '/some/dir/prog.py'
syslog.syslog('opens the log itself')
syslog.closelog()
syslog.openlog(logoption=syslog.LOG_NDELAY)
syslog.closelog()
for e in events:
    print(e)
