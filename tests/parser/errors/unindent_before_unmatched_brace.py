class C:
    @dec
}   def f(): pass
