from decimal import Decimal
print(f"{Decimal('2433.84') + Decimal('1188.56'):,.2f}万元")
