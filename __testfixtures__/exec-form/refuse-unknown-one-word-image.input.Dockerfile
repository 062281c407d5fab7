# syntax=docker/dockerfile-upstream:1.4.3

# base is a build context the bake file names, not an image of Docker Hub's library
FROM base

COPY start.py /

ENV FLASK_APP=app
CMD /start.py
