FROM scratch
RUN touch first
RUN false
RUN touch never
