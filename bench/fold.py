"""Sums async-profiler's collapsed stacks (bench/lib.sh asprof_stop): the frames with the most samples inclusive
and self, each as a share of all samples; with KEY, only the stacks through a frame containing KEY, and what that
frame calls.   python3 bench/fold.py FILE [TOP] [KEY]"""
import collections
import signal
import sys

signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet when piped into head
path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 40
key = sys.argv[3] if len(sys.argv) > 3 else None
total = 0
inclusive = collections.Counter()
own = collections.Counter()
callees = collections.Counter()
for line in open(path):
    stack, _, n = line.rstrip().rpartition(' ')
    n = int(n)
    frames = stack.split(';')
    if key:
        hits = [i for i, f in enumerate(frames) if key in f]
        if not hits:
            continue
        i = hits[-1]
        callees[frames[i + 1] if i + 1 < len(frames) else '(self)'] += n
    total += n
    for f in set(frames):
        inclusive[f] += n
    own[frames[-1]] += n
print(f'samples {total}' + (f' through {key}' if key else ''))
print('-- inclusive')
for f, v in inclusive.most_common(top):
    print(f'{v:8d} {100 * v / total:5.1f}%  {f[:150]}')
print('-- self')
for f, v in own.most_common(top // 2):
    print(f'{v:8d} {100 * v / total:5.1f}%  {f[:150]}')
if key:
    print(f'-- called by {key}')
    for f, v in callees.most_common(top // 2):
        print(f'{v:8d} {100 * v / total:5.1f}%  {f[:150]}')
