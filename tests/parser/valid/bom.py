# A UTF-8 byte order mark before this comment.
x = "é"
é = x
