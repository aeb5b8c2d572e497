x = f'{x}
