FROM scratch
RUN mkdir app
RUN touch top
RUN cd app
RUN touch where-am-i
RUN export GREETING=hello
RUN printf '%s\n' "${GREETING:-unset}" > greeting
RUN ls > listing
