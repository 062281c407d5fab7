# The image our CircleCI jobs run in: Python with the PostgreSQL client tools
FROM cimg/python:3.12
RUN sudo apt-get update \
    && sudo apt-get install -y postgresql-client libpq-dev \
    && sudo rm -rf /var/lib/apt/lists/*
