FROM scratch
RUN touch a && \
    { test -f a && exit 0; touch never; }
RUN touch b
