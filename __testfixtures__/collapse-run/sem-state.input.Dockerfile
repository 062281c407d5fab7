FROM scratch
RUN export GREETING=hello && touch exported
RUN X=1; touch assigned
RUN umask 077 && touch masked
RUN set -o noglob && touch noglob
RUN f() { printf f > from-function; }; f
RUN for i in 1 2; do touch "loop-$i"; done
RUN : ${DEFAULTED:=set}
RUN printf '%s|%s|%s|%s\n' "${GREETING:-unset}" "${X:-unset}" "${i:-unset}" "${DEFAULTED:-unset}" > vars
RUN f 2>/dev/null || printf none > no-function
RUN touch umask-default && echo loop-*
