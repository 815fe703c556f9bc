"""Peer for the sweep workload: the 1000 × 1000 what-if grid in Python's decimal, hoisted as a
careful programmer would write it."""
from decimal import Decimal
B, P, T, STEP = Decimal("2433.84"), Decimal("1188.56"), Decimal("0.35"), Decimal("0.0001")
count = 0
for i in range(1000):
    base = B * (1 - STEP * i)
    for j in range(1000):
        p = P * (1 + STEP * j)
        if p / (base + p) >= T:
            count += 1
print(count)
