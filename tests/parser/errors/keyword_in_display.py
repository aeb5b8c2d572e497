x = {'a', class
 'b'}
