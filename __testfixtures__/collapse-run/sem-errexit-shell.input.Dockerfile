FROM scratch
SHELL ["/bin/sh", "-e", "-c"]
RUN touch a && touch b
RUN false; touch never
RUN touch c
