FROM scratch
RUN ( export GREETING=hello && touch exported ) && \
    ( X=1; touch assigned ) && \
    ( umask 077 && touch masked ) && \
    ( set -o noglob && touch noglob ) && \
    ( f() { printf f > from-function; }; f ) && \
    ( for i in 1 2; do touch "loop-$i"; done ) && \
    ( : ${DEFAULTED:=set} ) && \
    printf '%s|%s|%s|%s\n' "${GREETING:-unset}" "${X:-unset}" "${i:-unset}" "${DEFAULTED:-unset}" > vars && \
    { f 2>/dev/null || printf none > no-function; } && \
    touch umask-default && echo loop-*
