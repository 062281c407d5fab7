ARG VARIANT=3.3-bookworm
FROM mcr.microsoft.com/devcontainers/ruby:${VARIANT}

# Jekyll and the GitHub Pages gems
RUN gem install bundler jekyll github-pages
