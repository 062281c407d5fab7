FROM ghcr.io/actions/actions-runner:2.321.0
USER root
RUN gem install --no-document bundler -v 2.5.23
USER runner
