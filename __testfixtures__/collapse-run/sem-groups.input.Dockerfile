FROM scratch
RUN touch a
RUN test -f missing
RUN touch b; touch c
RUN touch d; touch e
