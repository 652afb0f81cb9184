// generated: a copy of the analytics snippet, ignored through .gitignore
"https://www.google-analytics.com/analytics.js"
