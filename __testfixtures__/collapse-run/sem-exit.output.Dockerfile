FROM scratch
RUN touch a
RUN test -f a && exit 0; touch never
RUN touch b
