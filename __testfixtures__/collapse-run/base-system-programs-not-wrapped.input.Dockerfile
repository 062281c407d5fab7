FROM debian:bookworm
RUN apt-get update && apt-get install -y curl gnupg
RUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash
RUN apt-get install -y nodejs
RUN pip install flask
RUN pip install gunicorn
RUN bash -c "echo done > /tmp/done"
RUN curl -fsSL https://example.com/x -o /tmp/x
