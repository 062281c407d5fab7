FROM r-base:4.4.1
RUN install2.r --error plumber
COPY api.R /app/api.R
WORKDIR /app
EXPOSE 8000
CMD ["Rscript", "-e", "plumber::pr_run(plumber::pr(\"api.R\"), host = \"0.0.0.0\", port = 8000)"]
