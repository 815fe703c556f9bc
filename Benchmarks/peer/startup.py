from decimal import Decimal
print(Decimal("2433.84") + Decimal("1188.56"))
