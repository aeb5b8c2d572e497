/* errcode.h — status codes of CPython's tokenizer and parser, as some
 * embedding code still tests them (PyRun_InteractiveOne's E_EOF). */
#ifndef Py_ERRCODE_H
#define Py_ERRCODE_H

#define E_OK 10
#define E_EOF 11
#define E_INTR 12
#define E_TOKEN 13
#define E_SYNTAX 14
#define E_NOMEM 15
#define E_DONE 16
#define E_ERROR 17
#define E_TABSPACE 18
#define E_OVERFLOW 19
#define E_TOODEEP 20
#define E_DEDENT 21
#define E_DECODE 22
#define E_EOFS 23
#define E_EOLS 24
#define E_LINECONT 25
#define E_BADSINGLE 27
#define E_INTERACT_STOP 28

#endif /* Py_ERRCODE_H */
