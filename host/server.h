/*
** server: `psmini --job-server <parent-pid>`, the process side of a background job.  It reads
** one MSG_START (plus MSG_INPUT frames when announced) from stdin, runs the job in a fresh
** runspace with jobrun_exec and writes every record, then the final MSG_STATE, to stdout as
** wire.h frames.  stdin and stdout are moved off fds 0/1 (which become /dev/null) so nothing
** the job runs can corrupt the stream.  It dies with its parent (PR_SET_PDEATHSIG).
*/
#ifndef PSM_HOST_SERVER_H
#define PSM_HOST_SERVER_H

/* 1 when argv asks for the job-server mode (argv[1] is "--job-server"). */
int server_wanted(int argc, char **argv);
/* Run the job server; returns the process exit status (0 after a job ran, whatever its end). */
int server_main(int argc, char **argv);

#endif
