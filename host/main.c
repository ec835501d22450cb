/* placeholder: replaced by the command-line module */
#include <stdio.h>
int main(void)
{
    puts("psmini");
    return 0;
}
